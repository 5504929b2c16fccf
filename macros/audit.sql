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
    subject_code,
    subject_name_zh,
    measure,
    formula,
    published_value_as_printed,
    cast(published_number as decimal(24, 6)) as published_number,
    published_unit,
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

{# A value of an audit check in its own unit, for a sentence a reader can
   quote: a percentage with two decimals (`68.37%`), a count of items as a
   whole number with thousands separators (`715,174`), any other value with
   up to four significant digits. #}
{% macro audit_amount(value, unit) -%}
    case {{ unit }}
        when 'percent' then format('{:.2f}%', {{ value }})
        when 'items' then format('{:,}', cast(round({{ value }}) as hugeint))
        when 'count' then format('{:,}', cast(round({{ value }}) as hugeint))
        when 'rank' then format('{:,}', cast(round({{ value }}) as hugeint))
        else format('{:.4g}', {{ value }})
    end
{%- endmacro %}

{# The values a range [low, high] of a check holds, in its unit: a count
   holds the whole numbers ceil(low)–floor(high) (taken of the bounds
   rounded to six decimals, so that a whole computed as 4070.9999999 reads
   4,071; the words only, never a status); a percentage that is one value
   reads with four decimals (4.4461%), a range with two; an open end reads
   "at least" / "at most". An empty range (nothing fits) is never written
   backwards: the caller says "no value fits" (audit_range_is_empty). #}
{% macro audit_range(low, high, unit) -%}
    case
        when {{ low }} is null and {{ high }} is null then 'any value'
        when {{ unit }} in ('items', 'count', 'rank') and {{ high }} is null
            then 'at least ' || {{ audit_amount('ceil(round(' ~ low ~ ', 6))', unit) }}
        when {{ unit }} in ('items', 'count', 'rank') and {{ low }} is null
            then 'at most ' || {{ audit_amount('floor(round(' ~ high ~ ', 6))', unit) }}
        when {{ high }} is null then 'at least ' || {{ audit_amount(low, unit) }}
        when {{ low }} is null then 'at most ' || {{ audit_amount(high, unit) }}
        when {{ unit }} in ('items', 'count', 'rank') and ceil(round({{ low }}, 6)) = floor(round({{ high }}, 6))
            then {{ audit_amount('ceil(round(' ~ low ~ ', 6))', unit) }}
        when {{ unit }} in ('items', 'count', 'rank')
            then {{ audit_amount('ceil(round(' ~ low ~ ', 6))', unit) }} || '–'
                || {{ audit_amount('floor(round(' ~ high ~ ', 6))', unit) }}
        when {{ unit }} = 'percent' and {{ low }} = {{ high }} then format('{:.4f}%', {{ low }})
        when {{ audit_amount(low, unit) }} = {{ audit_amount(high, unit) }}
            then {{ audit_amount(low, unit) }}
        else {{ audit_amount(low, unit) }} || '–' || {{ audit_amount(high, unit) }}
    end
{%- endmacro %}

{# True where a range of a check holds no value of its unit: low above high,
   or, for a count, no whole number between them. #}
{% macro audit_range_is_empty(low, high, unit) -%}
    (
        {{ low }} is not null and {{ high }} is not null
        and (
            {{ low }} > {{ high }}
            or {{ unit }} in ('items', 'count', 'rank') and ceil(round({{ low }}, 6)) > floor(round({{ high }}, 6))
        )
    )
{%- endmacro %}

{# By how much a printed range misses a feasible one, in the check's unit
   (percentage points for a percentage). #}
{% macro audit_gap(gap, unit) -%}
    case {{ unit }}
        -- two significant digits, and a whole number from 10 on (167 points, not 1.7e+02)
        when 'percent'
            then case
                when {{ gap }} < 10 then format('{:.2g}', {{ gap }})
                else format('{:,}', cast(round({{ gap }}) as hugeint))
            end || ' points'
        when 'items'
            then case
                when {{ gap }} < 10 then format('{:.2g}', {{ gap }})
                else format('{:,}', cast(round({{ gap }}) as hugeint))
            end || case when {{ gap }} = 1 then ' item' else ' items' end
        else format('{:.3g}', {{ gap }})
    end
{%- endmacro %}

{# A range of counts [low, high] (in items) as the page prints its counts,
   in the page's own unit: whole numbers where it counts one by one (件, 宗,
   个: multiplier 1), else divided by its multiplier (万件, 万, 亿件) and
   written with one decimal more than the page prints, so that a bound of a
   printed 92.4 万件 reads 92.35–92.45 万件, not 923,500–924,500 items. A
   count whose printed unit is not known reads in items. #}
{% macro audit_count_range(low, high, multiplier, decimals, unit_printed) -%}
    {%- set per_unit = 'coalesce(' ~ multiplier ~ ', 1)' -%}
    {%- set low_text -%}
        case
            when {{ per_unit }} = 1 then format('{:,}', cast(ceil(round({{ low }}, 6)) as hugeint))
            else format('{:.{}f}', {{ low }} / {{ per_unit }}, {{ decimals }} + 1)
        end
    {%- endset -%}
    {%- set high_text -%}
        case
            when {{ per_unit }} = 1 then format('{:,}', cast(floor(round({{ high }}, 6)) as hugeint))
            else format('{:.{}f}', {{ high }} / {{ per_unit }}, {{ decimals }} + 1)
        end
    {%- endset -%}
    case
        when {{ low }} is null and {{ high }} is null then 'any value'
        else
            case
                when {{ high }} is null then 'at least ' || {{ low_text }}
                when {{ low }} is null then 'at most ' || {{ high_text }}
                when {{ low_text }} = {{ high_text }} then {{ low_text }}
                else {{ low_text }} || '–' || {{ high_text }}
            end
            || ' ' || coalesce({{ unit_printed }}, 'items')
    end
{%- endmacro %}

{# By how much a printed count misses a feasible one, in the page's own unit
   (as audit_count_range writes its ranges): 88,874 件, 0.135 万件. #}
{% macro audit_count_gap(gap, multiplier, decimals, unit_printed) -%}
    case
        when coalesce({{ multiplier }}, 1) = 1 and {{ gap }} < 10
            then format('{:.2g}', {{ gap }})
        when coalesce({{ multiplier }}, 1) = 1
            then format('{:,}', cast(round({{ gap }}) as hugeint))
        else format('{:.{}f}', {{ gap }} / {{ multiplier }}, {{ decimals }} + 1)
    end || ' ' || coalesce({{ unit_printed }}, case when {{ gap }} = 1 then 'item' else 'items' end)
{%- endmacro %}


{#- Each intake member of each platform by the Chinese name its figures print (the first, where two printings
   name it differently), for the audit's sentences: a select over `figures`, a relation with platform_code,
   subject_type, subject_code and subject_name_zh. #}
{% macro intake_member_names(figures) -%}
    select
        platform_code,
        subject_code,
        min(subject_name_zh) as member_name_zh
    from {{ figures }}
    where subject_type = 'intake'
    group by platform_code, subject_code
{%- endmacro %}

{# The columns of a sum check of a whole the page prints (a district total, a
   count printed for the platform) against the sum of its printed parts:
   `total` is the whole's figure (int_report__figures), `parts` a relation of
   its parts summed, with items, items_low, items_high and figure_ids.
   `formula` is SQL; `method` the words of how it is checked. #}
{% macro printed_total_sum_check(total, parts, formula, method) -%}
        'sum:' || {{ total }}.figure_id as check_id,
        'sum' as check_kind,
        {{ total }}.platform_code,
        {{ total }}.period_code,
        {{ total }}.year,
        {{ total }}.section_zh,
        {{ total }}.subject_code,
        {{ total }}.subject_name_zh,
        {{ total }}.measure,
        {{ formula }} as formula,
        {{ total }}.value_as_printed || {{ total }}.unit_printed as published_value_as_printed,
        {{ total }}.value_normalised as published_number,
        {{ total }}.normalised_unit as published_unit,
        cast({{ total }}.value_low as double) as published_low,
        cast({{ total }}.value_high as double) as published_high,
        {{ parts }}.items as derived_value,
        {{ parts }}.items_low as feasible_low,
        {{ parts }}.items_high as feasible_high,
        '{{ method | replace("'", "''") }}' as check_method,
        {{ total }}.source_id,
        {{ total }}.source_id as input_source_ids,
        {{ parts }}.figure_ids as part_figure_ids,
        [{{ total }}.figure_id] as whole_figure_ids,
        'printed' as whole_how_obtained,
        'printed' as parts_how_obtained,
        {{ total }}.multiplier as page_multiplier,
        {{ total }}.decimal_places as page_decimals,
        {{ total }}.unit_printed as page_unit_zh
{%- endmacro %}

{# The level a printed change of a level is a change of (a rate, a share, a
   score: int_audit__level_change_checks): a level of the same platform and
   subject type, either of the change's own subject (a category's share, a
   district's score) or, where the subject names the rate
   (ref_measures.change_points: "the subject names the rate"), the rate whose
   measure is the subject's code with its unit (`connection_rate`:
   `connection_rate_pct`). #}
{% macro level_of_change(changes, levels) -%}
    {{ changes }}.platform_code = {{ levels }}.platform_code
    and {{ changes }}.subject_type = {{ levels }}.subject_type
    and coalesce({{ changes }}.parent_code, '') = coalesce({{ levels }}.parent_code, '')
    and (
        {{ changes }}.subject_code = {{ levels }}.subject_code
        or starts_with({{ levels }}.measure, {{ changes }}.subject_code || '_')
    )
{%- endmacro %}

{# How a printed value is read, in a check's words: to the decimals it is
   printed to, with the bounds that printing allows (`read as printed to 2
   decimal places (55.235–55.245)`); its columns unqualified where no
   relation is named. #}
{% macro read_as_printed(relation=none) -%}
    {%- set prefix = relation ~ '.' if relation is not none else '' -%}
    'read as printed to ' || {{ prefix }}decimal_places || ' decimal places ('
    || cast({{ prefix }}value_low as double) || '–' || cast({{ prefix }}value_high as double) || ')'
{%- endmacro %}
