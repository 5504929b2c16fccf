{#
    The descriptions in the YAML files, as comments on the tables and columns
    dbt built in this run, written in one batch by the project's on-run-end
    hook (dbt_project.yml) instead of by persist_docs.

    persist_docs would comment each relation as its own node finishes: a
    catalog lookup and two more round trips per model and seed, each a commit
    of its own. This writes the same `comment on` statements for every seed
    and model that succeeded, after one look at the catalog, in one
    transaction. BI tools and `dbt docs` read them from the file
    (duckdb_tables(), duckdb_columns()).
#}
{% macro comment_on_built_relations(results) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set built = [] -%}
    {%- for result in results
        if result.node.resource_type in ('model', 'seed')
        and result.status in ('success', 'pass')
        and result.node.config.materialized != 'ephemeral' -%}
        {%- do built.append(result.node) -%}
    {%- endfor -%}
    {%- if not built -%}
        {{ return('') }}
    {%- endif -%}
    {%- set catalog = run_query(
        "select schema_name || '.' || table_name as relation_key, column_name"
        ~ " from duckdb_columns() where database_name = current_database()"
    ) -%}
    {%- set columns_of = {} -%}
    {%- for row in catalog.rows -%}
        {%- do columns_of.setdefault(row[0], []).append(row[1]) -%}
    {%- endfor -%}
    {#- Plain SQL string literals, built inline: a macro call per column costs more than the statement. -#}
    {%- set statements = ['begin transaction;'] -%}
    {%- for node in built -%}
        {%- set relation = api.Relation.create(
            database=node.database, schema=node.schema, identifier=node.alias, type='table'
        ) -%}
        {%- set existing = columns_of.get(node.schema ~ '.' ~ node.alias, []) -%}
        {%- if node.description -%}
            {%- do statements.append(
                'comment on table ' ~ relation ~ " is '" ~ node.description | replace("'", "''") ~ "';"
            ) -%}
        {%- endif -%}
        {%- for column in node.columns.values() if column.description and column.name in existing -%}
            {%- do statements.append(
                'comment on column ' ~ relation ~ '."' ~ column.name ~ "\" is '"
                ~ column.description | replace("'", "''") ~ "';"
            ) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do statements.append('commit;') -%}
    {{ return(statements | join('\n')) }}
{% endmacro %}
