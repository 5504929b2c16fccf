{#
    Periods: every figure covers [period_start, period_end]. Its kind and its
    readable code are derived here, once, from the two dates.
#}

{# `year`, `half_year`, `quarter`, `month`, `cumulative` (more than one
   calendar year: a running total since the platform's series start) or
   `part_year` (anything else within one year: January–November, the year
   to date). #}
{% macro period_kind(start, end) -%}
    case
        when year({{ start }}) != year({{ end }}) then 'cumulative'
        when month({{ start }}) = 1 and day({{ start }}) = 1
            and month({{ end }}) = 12 and day({{ end }}) = 31 then 'year'
        when day({{ start }}) = 1 and month({{ start }}) in (1, 7)
            and {{ end }} = last_day({{ start }} + interval 5 month) then 'half_year'
        when day({{ start }}) = 1 and month({{ start }}) in (1, 4, 7, 10)
            and {{ end }} = last_day({{ start }} + interval 2 month) then 'quarter'
        when day({{ start }}) = 1 and {{ end }} = last_day({{ start }}) then 'month'
        else 'part_year'
    end
{%- endmacro %}

{# `2022`, `2024-H1`, `2024-Q3`, `2022-10`, or `2019-01-01..2021-11-30`. #}
{% macro period_code(start, end) -%}
    case {{ period_kind(start, end) }}
        when 'year' then strftime({{ start }}, '%Y')
        when 'half_year' then strftime({{ start }}, '%Y') || '-H' || ((month({{ start }}) + 5) // 6)
        when 'quarter' then strftime({{ start }}, '%Y') || '-Q' || ((month({{ start }}) + 2) // 3)
        when 'month' then strftime({{ start }}, '%Y-%m')
        else strftime({{ start }}, '%Y-%m-%d') || '..' || strftime({{ end }}, '%Y-%m-%d')
    end
{%- endmacro %}

{# The period columns every figure, mart and check carries, from a relation
   (alias) with period_start and period_end. #}
{% macro period_columns(relation) -%}
        {{ relation }}.period_start,
        {{ relation }}.period_end,
        {{ period_kind(relation ~ '.period_start', relation ~ '.period_end') }} as period_kind,
        {{ period_code(relation ~ '.period_start', relation ~ '.period_end') }} as period_code,
        year({{ relation }}.period_end) as year
{%- endmacro %}
