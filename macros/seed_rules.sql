{#
    The one shape of a row-level seed rule's failures. A singular test that
    judges a seed's rows lists its rules as (seed column, problem, condition),
    or (seed column, problem, condition, details): SQL for words the row
    adds after the problem (where it looked, what it found), and ends with `{{ seed_rule_failures(row_rules, 'judged', ...) }}`: one row
    per line that breaks a rule, naming the seed, its line, the column at
    fault and what is wrong, which the build reads back to say where
    (src/hotline12345/seed_lines.py). A rule whose column differs from row to
    row (a name that stands in a different column of each seed) gives none,
    and the relation's own `seed_column` names it.
#}
{% macro seed_rule_failures(row_rules, relation, seed_name='seed_name') -%}
    {%- for rule in row_rules %}
    {%- set seed_column, problem, condition = rule[0], rule[1], rule[2] %}
    select
        {{ seed_name }} as seed_name,
        seed_line,
        {% if seed_column is none %}seed_column{% else %}'{{ seed_column }}'{% endif %} as seed_column,
        '{{ problem | replace("'", "''") }}'
        {%- if rule | length > 3 %} || coalesce(' ' || ({{ rule[3] }}), ''){% endif %} as problem
    from {{ relation }}
    where {{ condition }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}

{# The line of the seed file a row stands on (1 = the header, so the first
   row is line 2), for messages that name it. Numbered in the CTE that reads
   the seed, before any filter, join or union: DuckDB reads a seed in its
   file's order. #}
{% macro seed_line() -%}
    1 + row_number() over ()
{%- endmacro %}
