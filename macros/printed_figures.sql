{#
    Parsing of figures as the sources print them. Every model that
    reads a printed value goes through these macros, so that "what a printed
    number means and how precisely it is known" is defined once. What each
    approximate wording means is data (ref_approximations), joined by the
    caller as `approximations`; the unit is data too (ref_units, `units`).
#}

{# The printed digits: a number printed with thousands separators
   (`1,620,949`, grouped by three from the decimal point) without them;
   anything else as it is (a badly grouped `1,62` stays unreadable). #}
{% macro printed_digits(printed) -%}
    case
        when regexp_full_match({{ printed }}, '-?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
            then replace({{ printed }}, ',', '')
        else {{ printed }}
    end
{%- endmacro %}

{# The printed text as an exact decimal. A lone Chinese numeral (八 in
   "约八倍", 六 in "近六成", 两 in "求助类两件" and its traditional 兩 in
   "兩部終端電話", each read as 二) is read as its
   digit; anything else that is not a number is null. #}
{% macro parse_printed_number(printed) -%}
    coalesce(
        try_cast({{ printed_digits(printed) }} as decimal(18, 4)),
        case
            when length({{ printed }}) = 1
                then
                    cast(
                        nullif(strpos('一二三四五六七八九十', replace(replace({{ printed }}, '两', '二'), '兩', '二')), 0)
                        as decimal(18, 4)
                    )
        end
    )
{%- endmacro %}

{# Number of digits printed after the decimal point (`140.0` → 1, `706` → 0). #}
{% macro printed_decimal_places(printed) -%}
    case
        when contains({{ printed }}, '.')
            then length(split_part({{ printed }}, '.', 2))
        else 0
    end
{%- endmacro %}

{# The unit of the last significant printed digit: 0.1 for `140.0`, 1 for
   `706` and `六`, 10 for `450`, 100 for `1100`. Trailing zeros of a whole
   number are not significant ("1100" is printed to the hundred). #}
{% macro printed_significant_unit(printed) -%}
    cast(
        case
            when contains({{ printed }}, '.')
                then power(10, -{{ printed_decimal_places(printed) }})
            when try_cast({{ printed_digits(printed) }} as decimal(18, 4)) is null
                or try_cast({{ printed_digits(printed) }} as decimal(18, 4)) = 0
                then 1
            else
                power(
                    10,
                    length(ltrim({{ printed_digits(printed) }}, '-'))
                    - length(rtrim(ltrim({{ printed_digits(printed) }}, '-'), '0'))
                )
        end
        as decimal(24, 6)
    )
{%- endmacro %}

{# The offset of a bound, in printed units: the wording's offset in units of
   the last significant digit, or none for an exact count printed plainly. #}
{% macro printed_bound_offset(printed, side) -%}
    case
        when units.is_exact_count and approximations.approximation_zh is null then 0
        else approximations.{{ side }}_in_units * {{ printed_significant_unit(printed) }}
    end
{%- endmacro %}

{# A value in a printed unit converted to whole items (件):
   `140.0` 万件 × 10000 → 1400000; `1.41` 亿件 → 141000000. #}
{% macro convert_to_items(value, multiplier) -%}
    cast(round({{ value }} * {{ multiplier }}) as bigint)
{%- endmacro %}

{# The unit a printed unit normalises to for a measure: a unit that counts
   things (个 calls, 条 messages: `count`) counts items where the measure
   counts items (接听电话684175个 is 684175 items of intake). #}
{% macro normalised_unit_for(measure_unit) -%}
    case
        when units.normalised_unit = 'count' and {{ measure_unit }} = 'items' then 'items'
        else units.normalised_unit
    end
{%- endmacro %}

{# All the parsed columns of one printed figure, given the printed value, the
   joined `ref_units` row (`units`) and `ref_approximations` row
   (`approximations`), and the unit the figure's measure is counted in. #}
{% macro printed_figure_columns(printed, measure_unit='null') -%}
        {{ parse_printed_number(printed) }} as value_decimal,
        {{ printed_decimal_places(printed) }} as decimal_places,
        {{ printed_significant_unit(printed) }} as significant_unit,
        {{ normalised_unit_for(measure_unit) }} as normalised_unit,
        units.multiplier,
        units.is_exact_count,
        cast(
            {{ parse_printed_number(printed) }} * units.multiplier
            as decimal(24, 6)
        ) as value_normalised,
        cast(
            ({{ parse_printed_number(printed) }}
                + {{ printed_bound_offset(printed, 'low') }})
            * units.multiplier
            as decimal(24, 6)
        ) as value_low,
        cast(
            ({{ parse_printed_number(printed) }}
                + {{ printed_bound_offset(printed, 'high') }})
            * units.multiplier
            as decimal(24, 6)
        ) as value_high,
        case
            when {{ normalised_unit_for(measure_unit) }} = 'items'
                then
                    {{ convert_to_items(parse_printed_number(printed), 'units.multiplier') }}
        end as items
{%- endmacro %}
