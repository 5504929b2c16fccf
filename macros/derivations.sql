{#
    The arithmetic the marts derive from published figures, written once.
#}

{# The key columns every mart row starts with: the platform, the period and
   the source (from a relation or CTE alias that carries them). #}
{% macro mart_key_columns(relation) -%}
        {{ relation }}.platform_code,
        {{ relation }}.year,
        {{ relation }}.period_code,
        {{ relation }}.period_kind,
        {{ relation }}.period_start,
        {{ relation }}.period_end,
        {{ relation }}.source_id
{%- endmacro %}

{# Joining two relations on the same platform and period. #}
{# (The period code stands for the two dates where they are known, and for
   the period as printed where the page gives no year: `--12-30..--01-05`.) #}
{% macro same_period(left, right) -%}
    {{ left }}.platform_code = {{ right }}.platform_code
    and {{ left }}.period_code = {{ right }}.period_code
{%- endmacro %}

{# The same subject in the same period of the same platform (and, where
   with_parent, under the same parent: an empty parent matches an empty
   one): the join of a figure to another figure of its subject, its part's
   or whole's measure (a share to its part's count, a unit's 办结 to its 承办),
   in every audit check that reads the two together. #}
{% macro same_subject(left, right, with_parent=false) -%}
    {{ same_period(left, right) }}
    and {{ left }}.subject_type = {{ right }}.subject_type
    and {{ left }}.subject_code = {{ right }}.subject_code
    {%- if with_parent %}
    and coalesce({{ left }}.parent_code, '') = coalesce({{ right }}.parent_code, '')
    {%- endif %}
{%- endmacro %}

{# A part under its whole subject in the same period of the same platform:
   `parts` is a figure of a subject printed under a parent
   (ref_subject_types.parent_subject_type: a sub-category under its
   category), `wholes` the parent's figure. #}
{% macro part_of_whole(parts, wholes) -%}
    {{ same_period(parts, wholes) }}
    and {{ parts }}.parent_subject_type = {{ wholes }}.subject_type
    and {{ parts }}.parent_code = {{ wholes }}.subject_code
{%- endmacro %}

{# The same dated period of the same platform, known by its first and last
   day (a dated period's code follows from them), for a relation that has
   the days and no code: a period moved by a year, a claim's period. #}
{% macro same_dated_period(left, right) -%}
    {{ left }}.platform_code = {{ right }}.platform_code
    and {{ left }}.period_start = {{ right }}.period_start
    and {{ left }}.period_end = {{ right }}.period_end
{%- endmacro %}

{# A part's share of a whole, in percent (0–100), to four decimals. #}
{% macro share_pct(part, whole) -%}
    cast(round(100.0 * ({{ part }}) / nullif({{ whole }}, 0), 4) as decimal(10, 4))
{%- endmacro %}

{# The prior year's items back-calculated from this year's items and the
   published year-on-year change: prior = items / (1 + yoy / 100). The
   bounds follow from the bounds of both: low / (1 + yoy_high / 100) to
   high / (1 + yoy_low / 100). #}
{% macro back_calculated_prior_items(items, published_yoy_change_pct) -%}
    cast(
        round({{ items }} * 100.0 / nullif(100 + {{ published_yoy_change_pct }}, 0))
        as bigint
    )
{%- endmacro %}

{# A printed percentage as a mart column. #}
{% macro as_pct(value) -%}
    cast({{ value }} as decimal(10, 4))
{%- endmacro %}

{# The measures whose figures the calling model reads, from ref_measure_uses
   (one home for "which measure feeds which model"): a relation of measure,
   figure_role (the column a figure fills, or its part in a check) and
   excluded_period_kind. A model joins it on `measure` instead of naming a
   measure code. #}
{% macro measure_uses() -%}
    {#- in a unit test, `model` is the test: the model is the one it tests -#}
    {%- set model_name = model.name -%}
    {%- if model.resource_type == 'unit_test' -%}
        {%- set model_name = model.tested_node_unique_id.split('.')[-1] -%}
    {%- endif %}
    (
        select
            measure,
            figure_role,
            excluded_period_kind
        from {{ ref('ref_measure_uses') }}
        where model_name = '{{ model_name }}'
    )
{%- endmacro %}

{# A figure pivoted into the column of a wide model its measure fills
   (ref_measure_uses.figure_role, joined beside each figure as `figure_role`):
   the largest `column` of the group's figures whose role is `role`. #}
{% macro pivot_role(role, column='value_decimal') -%}
    max(case when figure_role = '{{ role }}' then {{ column }} end)
{%- endmacro %}

{# True where the measure in `column` feeds the calling model
   (ref_measure_uses), in the given role if one is named: the filter a model
   uses instead of `measure = '<code>'`. #}
{% macro measure_feeds(role=none, column='measure') -%}
    {{ column }} in (
        select uses.measure from {{ measure_uses() }} as uses
        {%- if role is not none %} where uses.figure_role = '{{ role }}'{% endif %}
    )
{%- endmacro %}

{# The measure that has `role` in the calling model (ref_measure_uses), as a
   value: the measure an audit check reports where its inputs are the
   subjects' counts. #}
{% macro measure_of(role) -%}
    (select uses.measure from {{ measure_uses() }} as uses where uses.figure_role = '{{ role }}')
{%- endmacro %}
