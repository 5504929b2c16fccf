{#
    Parsing of figures as the report prints them. Every staging model that
    reads a printed value goes through these macros, so that "what a printed
    number means and how precisely it is known" is defined once.
#}

{# The printed text as an exact decimal. A lone Chinese numeral (八 in
   "约八倍") is read as its digit; anything else that is not a number is null. #}
{% macro parse_printed_number(printed) -%}
    coalesce(
        try_cast({{ printed }} as decimal(18, 4)),
        case
            when length({{ printed }}) = 1
                then
                    cast(
                        nullif(strpos('一二三四五六七八九十', {{ printed }}), 0)
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

{# Half a unit of the last printed digit (`140.0` → 0.05, `706` → 0.5),
   or 0 where the printed value is an exact count. #}
{% macro printed_half_unit(printed, is_exact_count) -%}
    case
        when {{ is_exact_count }} then cast(0 as decimal(18, 6))
        else
            cast(
                0.5 / power(10, {{ printed_decimal_places(printed) }})
                as decimal(18, 6)
            )
    end
{%- endmacro %}

{# A value in a printed unit converted to whole items (件):
   `140.0` 万件 × 10000 → 1400000. #}
{% macro convert_to_items(value, multiplier) -%}
    cast(round({{ value }} * {{ multiplier }}) as bigint)
{%- endmacro %}

{# All the parsed columns of one printed figure, given the printed value and
   the joined `ref_units` row (aliased `units`). #}
{% macro printed_figure_columns(printed) -%}
        {{ parse_printed_number(printed) }} as value_decimal,
        {{ printed_decimal_places(printed) }} as decimal_places,
        units.normalised_unit,
        units.multiplier,
        units.is_exact_count,
        cast(
            {{ parse_printed_number(printed) }} * units.multiplier
            as decimal(24, 6)
        ) as value_normalised,
        cast(
            ({{ parse_printed_number(printed) }}
                - {{ printed_half_unit(printed, 'units.is_exact_count') }})
            * units.multiplier
            as decimal(24, 6)
        ) as value_low,
        cast(
            ({{ parse_printed_number(printed) }}
                + {{ printed_half_unit(printed, 'units.is_exact_count') }})
            * units.multiplier
            as decimal(24, 6)
        ) as value_high,
        case
            when units.normalised_unit = 'items'
                then
                    {{ convert_to_items(parse_printed_number(printed), 'units.multiplier') }}
        end as items
{%- endmacro %}
