{#
    The one shape of an audit check row. Every int_audit__*_checks model ends
    with `select {{ audit_check_columns() }} from final`, so that
    published_figure_checks can union them and no check model restates the
    projection.
#}
{% macro audit_check_columns() -%}
    check_id,
    check_kind,
    platform_code,
    period_code,
    year,
    section_zh,
    subject,
    measure,
    formula,
    published_value,
    cast(published_low as double) as published_low,
    cast(published_high as double) as published_high,
    cast(derived_value as double) as derived_value,
    cast(feasible_low as double) as feasible_low,
    cast(feasible_high as double) as feasible_high,
    check_method,
    source_id,
    input_source_ids
{%- endmacro %}

{# The sorted, distinct source ids of a check's inputs as one string. #}
{% macro source_id_list(source_ids) -%}
    array_to_string(list_sort(list_distinct({{ source_ids }})), ', ')
{%- endmacro %}

{# The feasible range of a share part / whole, in percent, where
   whole = part + rest and each of part, rest and whole lies within its
   bounds (an unknown rest_high is unbounded). The part is first narrowed by
   its whole and the rest, then the extreme ratios are taken:
     part_low'  = greatest(part_low, whole_low - rest_high)
     part_high' = least(part_high, whole_high - rest_low)
     low  = part_low'  / least(whole_high, part_low' + rest_high)
     high = part_high' / greatest(whole_low, part_high' + rest_low) #}
{% macro share_feasible_low(part_low, rest_low, rest_high, whole_low, whole_high) -%}
    100.0 * greatest({{ part_low }}, {{ whole_low }} - coalesce({{ rest_high }}, 'infinity'::double))
    / least(
        {{ whole_high }},
        greatest({{ part_low }}, {{ whole_low }} - coalesce({{ rest_high }}, 'infinity'::double))
        + coalesce({{ rest_high }}, 'infinity'::double)
    )
{%- endmacro %}

{% macro share_feasible_high(part_high, rest_low, rest_high, whole_low, whole_high) -%}
    100.0 * least({{ part_high }}, {{ whole_high }} - {{ rest_low }})
    / greatest(
        {{ whole_low }},
        least({{ part_high }}, {{ whole_high }} - {{ rest_low }}) + {{ rest_low }}
    )
{%- endmacro %}

{# A reprint's check id: the figure, the source and section printing it
   again, and its order there where it is printed again more than once
   (`printing_in_section`: 1, 2, … by seed line). #}
{% macro reprint_check_id(reprints) -%}
    'reprint:' || {{ reprints }}.figure_id || '@' || {{ reprints }}.source_id || '/' || {{ reprints }}.section_zh
    || case
        when {{ reprints }}.printing_in_section > 1 then '#' || {{ reprints }}.printing_in_section
        else ''
    end
{%- endmacro %}

{# The order of a further printing among the printings of its figure in one
   source's section, by seed line (see reprint_check_id). #}
{% macro printing_in_section() -%}
    row_number() over (partition by figure_id, source_id, section_zh order by seed_line)
{%- endmacro %}
