{#
    The arithmetic the marts derive from published figures, written once.
#}

{# One measure of a subject, picked out of the long staging table
   (`years_before` = 1 picks a prior-year figure printed in this report). #}
{% macro pivot_figure(measure, column='value_decimal', years_before=0) -%}
    max(
        case
            when
                measure = '{{ measure }}'
                and figure_year = report_year - {{ years_before }}
                then {{ column }}
        end
    )
{%- endmacro %}

{# A part's share of a whole, in percent (0–100), to four decimals. #}
{% macro share_pct(part, whole) -%}
    cast(round(100.0 * {{ part }} / nullif({{ whole }}, 0), 4) as decimal(10, 4))
{%- endmacro %}

{# The prior year's items back-calculated from this year's items and the
   published year-on-year change: prior = items / (1 + yoy / 100). #}
{% macro back_calculated_prior_items(items, yoy_change_pct) -%}
    cast(
        round({{ items }} * 100.0 / nullif(100 + {{ yoy_change_pct }}, 0))
        as bigint
    )
{%- endmacro %}

{# A printed percentage as a mart column. #}
{% macro as_pct(value) -%}
    cast({{ value }} as decimal(10, 4))
{%- endmacro %}
