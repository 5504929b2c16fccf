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
