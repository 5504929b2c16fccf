{#
    ref() without the database (catalog) part. DuckDB names a database file's
    catalog after the file, so a compiled `"hotline12345"."marts"."x"` would
    only work on a file with that name. Dropping the catalog makes every
    compiled query (models, tests, analyses) work on the warehouse whatever
    its file is called: the scratch file of a build, the published file, a
    copy.
#}
{% macro ref() %}
    {%- set relation = builtins.ref(*varargs, **kwargs) -%}
    {%- if relation is not none and relation.include is defined -%}
        {%- do return(relation.include(database=false)) -%}
    {%- endif -%}
    {%- do return(relation) -%}
{% endmacro %}
