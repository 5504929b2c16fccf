{#
    The few generic tests this project needs (there is no dbt hub here, so no
    dbt_utils). Each returns the rows that break the invariant it names.
#}

{# Every row satisfies a SQL boolean expression (for example an arithmetic
   identity such as `items = district_department_items + street_township_items`). #}
{% test expression_is_true(model, expression) %}
    select *
    from {{ model }}
    where not coalesce(({{ expression }}), false)
{% endtest %}

{# No two rows share the same values in the given columns. #}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    select
        {{ combination_of_columns | join(', ') }},
        count(*) as row_count
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}

{# A value lies within its own low/high bounds (low <= value <= high). #}
{% test within_bounds(model, column_name, low, high) %}
    select *
    from {{ model }}
    where {{ column_name }} is not null
        and not ({{ low }} <= {{ column_name }} and {{ column_name }} <= {{ high }})
{% endtest %}

{# The model has exactly the given number of rows for each report year
   (the test's `where` config narrows the rows counted). #}
{% test row_count_per_report_year(model, expected) %}
    with counted as (
        select report_year, count(*) as row_count
        from {{ model }}
        group by report_year
    )

    select report_year, row_count
    from counted
    where row_count != {{ expected }}
{% endtest %}
