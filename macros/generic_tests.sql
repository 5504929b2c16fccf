{#
    The generic test this project needs beyond dbt's own (there is no dbt hub here, so no dbt_utils).
    It returns the rows that break the invariant it names.
#}

{# No two rows share the same values in the given columns. #}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    select
        {{ combination_of_columns | join(', ') }},
        count(*) as row_count
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}

{# No two lines of a seed hold the same key (the columns that name what a line is about; two empty cells are the
   same). Returns each line that repeats a key, as a seed rule's failures are returned (macros/seed_rules.sql):
   the seed, its line, the key's column where it is one, and the key with the other lines holding it. #}
{% test key_is_on_one_line(model, key) %}
    with

    lines as (
        select
            {{ seed_line() }} as seed_line,
            {{ key | join(', ') }}
        from {{ model }}
    ),

    repeats as (
        select
            lines.seed_line,
            others.seed_line as other_line,
            {%- for column in key %}
            lines.{{ column }}{% if not loop.last %},{% endif %}
            {%- endfor %}
        from lines
        inner join lines as others
            on
                lines.seed_line != others.seed_line
                {%- for column in key %}
                and lines.{{ column }} is not distinct from others.{{ column }}
                {%- endfor %}
    )

    select
        '{{ model.identifier }}' as seed_name,
        seed_line,
        {% if key | length == 1 %}'{{ key[0] }}'{% else %}null{% endif %} as seed_column,
        {%- if key | length > 1 %}
        concat_ws(
            ', '
            {%- for column in key %},
            '{{ column }} ' || coalesce('''' || any_value({{ column }})::varchar || '''', 'empty')
            {%- endfor %}
        ) || ' '
        || {% endif %}'is also on line '
        || string_agg(other_line::varchar, ', ' order by other_line)
        || ' (one line per {{ key | join(", ") }})' as problem
    from repeats
    group by seed_line
{% endtest %}
