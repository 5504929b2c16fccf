{#
    Periods: every figure covers [period_start, period_end]. Its kind and its
    readable code are derived here, once, from the two dates.
#}

{# `week` (seven or eight days counted inclusively, any start day: weekly
   bulletins run Friday to Friday or Monday to Sunday, across New Year too),
   `year`, `half_year`, `quarter`, `month`, `cumulative` (over more than one
   calendar year: a running total, from the platform's series start or from
   the first day of the years it sums), `year_to_date` (from 1 January to a
   day before 31 December that ends no half-year, quarter or month of its
   own: January–November, 1 January to 10 December) or `window` (any other
   run of days within one year: a holiday, a campaign). #}
{% macro period_kind(start, end) -%}
    case
        when datediff('day', {{ start }}, {{ end }}) in (6, 7) then 'week'
        when year({{ start }}) != year({{ end }}) then 'cumulative'
        when month({{ start }}) = 1 and day({{ start }}) = 1
            and month({{ end }}) = 12 and day({{ end }}) = 31 then 'year'
        when day({{ start }}) = 1 and month({{ start }}) in (1, 7)
            and {{ end }} = last_day({{ start }} + interval 5 month) then 'half_year'
        when day({{ start }}) = 1 and month({{ start }}) in (1, 4, 7, 10)
            and {{ end }} = last_day({{ start }} + interval 2 month) then 'quarter'
        when day({{ start }}) = 1 and {{ end }} = last_day({{ start }}) then 'month'
        when month({{ start }}) = 1 and day({{ start }}) = 1 then 'year_to_date'
        else 'window'
    end
{%- endmacro %}

{# `2022`, `2024-H1`, `2024-Q3`, `2022-10`, or `2019-01-01..2021-11-30`, from
   the period's first and last day and its kind. The kind is a column of an
   earlier CTE (`period_kind` there): a `case` on an expression copies it
   into each `when`, and DuckDB sets up every date function of each copy for
   every query, which for period_kind's two dozen is most of a small model's
   time. #}
{% macro period_code(start, end, kind) -%}
    case {{ kind }}
        when 'year' then strftime({{ start }}, '%Y')
        when 'half_year' then strftime({{ start }}, '%Y') || '-H' || ((month({{ start }}) + 5) // 6)
        when 'quarter' then strftime({{ start }}, '%Y') || '-Q' || ((month({{ start }}) + 2) // 3)
        when 'month' then strftime({{ start }}, '%Y-%m')
        else strftime({{ start }}, '%Y-%m-%d') || '..' || strftime({{ end }}, '%Y-%m-%d')
    end
{%- endmacro %}

{# The period columns every figure, mart and check carries, from a relation
   (alias) with period_start and period_end; its code follows from them
   (period_code) in the next CTE. #}
{% macro period_columns(relation) -%}
        {{ relation }}.period_start,
        {{ relation }}.period_end,
        {{ period_kind(relation ~ '.period_start', relation ~ '.period_end') }} as period_kind,
        year({{ relation }}.period_end) as year
{%- endmacro %}

{# A period as a seed prints it: ISO dates (`2024-03-15`), or ISO's
   year-less form (`--12-30`) where the page prints no year. A year-less
   period keeps its year unknown: its dates are null, its kind is read from
   the month and day (a year-less end before the start crosses New Year), and
   its code is the printed form (`--12-30..--01-05`), so that it is never
   joined to a dated period. (Its kind is read in the leap year 2000, and
   2001 for an end across New Year; the year is never shown.) #}
{# Whether a printed day reads as a date: an ISO date, or a year-less
   `--MM-DD` that is a day of some year (2000 was a leap year). #}
{% macro is_printed_date(printed) -%}
    coalesce(
        try_cast({{ printed }} as date) is not null
        or (starts_with({{ printed }}, '--') and {{ year_less_date(printed, '2000') }} is not null),
        false
    )
{%- endmacro %}

{% macro year_less_date(printed, year) -%}
    try_cast('{{ year }}' || substr({{ printed }}, 2) as date)
{%- endmacro %}

{% macro printed_period_columns(relation) -%}
        try_cast({{ relation }}.period_start as date) as period_start,
        try_cast({{ relation }}.period_end as date) as period_end,
        case
            -- a dated first day and no printed end: an open period (自2021年10月10日正式上线以来)
            when try_cast({{ relation }}.period_start as date) is not null and {{ relation }}.period_end is null
                then 'open_ended'
            when {{ relation }}.period_start is null or {{ relation }}.period_end is null
                then 'unknown'
            when
                try_cast({{ relation }}.period_start as date) is not null
                and try_cast({{ relation }}.period_end as date) is not null
                then {{ period_kind(
                    'try_cast(' ~ relation ~ '.period_start as date)',
                    'try_cast(' ~ relation ~ '.period_end as date)') }}
            when
                {{ year_less_date(relation ~ '.period_start', '2000') }} is not null
                and {{ year_less_date(relation ~ '.period_end', '2000') }} is not null
                and starts_with({{ relation }}.period_start, '--')
                then {{ period_kind(
                year_less_date(relation ~ '.period_start', '2000'),
                'case when ' ~ relation ~ '.period_end < ' ~ relation ~ '.period_start then '
                    ~ year_less_date(relation ~ '.period_end', '2001') ~ ' else '
                    ~ year_less_date(relation ~ '.period_end', '2000') ~ ' end') }}
        end as period_kind,
        year(try_cast({{ relation }}.period_end as date)) as year,
        starts_with(cast({{ relation }}.period_start as varchar), '--') as is_year_unknown
{%- endmacro %}

{# The code of a printed period, from a relation with the columns of
   printed_period_columns, the days as printed (`period_start_printed`,
   `period_end_printed`) and source_id: period_code for a dated period; for one
   without a year or a date, `undated (source): --12-30..--01-05`. #}
{% macro printed_period_code(relation) -%}
        coalesce(
            {{ period_code(
                relation ~ '.period_start', relation ~ '.period_end', relation ~ '.period_kind') }},
            'undated (' || {{ relation }}.source_id || ')'
            || case
                when {{ relation }}.period_start_printed is null and {{ relation }}.period_end_printed is null then ''
                else ': ' || coalesce(cast({{ relation }}.period_start_printed as varchar), '')
                    || '..' || coalesce(cast({{ relation }}.period_end_printed as varchar), '')
            end
        )
{%- endmacro %}

{# The same day `count` months or years later (earlier when negative), as a
   date: 29 February a year on is 28 February, 31 March a month back is 28
   or 29 February. #}
{% macro date_shifted(day, count, unit) -%}
    cast({{ day }} + interval ({{ count }}) {{ unit }} as date)
{%- endmacro %}

{# The period a rate of change compares with is found by key, so that the
   join to it is on equal values (a join on a condition would try every
   period of the subject, which is quadratic in the years loaded). A period
   is known by three keys (`period_keys`): its span, and its kind with its
   first or with its last day. A rate (ref_measures.change_against, in the
   column `change_against` of `current`) compares with the period that has
   one of `compared_period_keys(current)`:
   - 同比: the same span a year before;
   - 环比: the previous period of the same kind: the month, quarter,
     half-year or year before, or the week that ends on or the day before
     the week's first day (weekly bulletins run Friday to Friday).
   Both return lists; unnest them, one row per key, and join key to key. #}
{% macro period_keys(relation) -%}
    [
        'span ' || {{ relation }}.period_start || '..' || {{ relation }}.period_end,
        {{ relation }}.period_kind || ' from ' || {{ relation }}.period_start,
        {{ relation }}.period_kind || ' to ' || {{ relation }}.period_end
    ]
{%- endmacro %}

{% macro compared_period_keys(current) -%}
    case {{ current }}.change_against
        when 'same_period_a_year_before'
            then [
                'span ' || {{ date_shifted(current ~ '.period_start', -1, 'year') }}
                || '..' || {{ date_shifted(current ~ '.period_end', -1, 'year') }}
            ]
        when 'previous_period'
            then case {{ current }}.period_kind
                when 'week'
                    then [
                        'week to ' || ({{ current }}.period_start - 1),
                        'week to ' || {{ current }}.period_start
                    ]
                when 'month'
                    then ['month from ' || {{ date_shifted(current ~ '.period_start', -1, 'month') }}]
                when 'quarter'
                    then ['quarter from ' || {{ date_shifted(current ~ '.period_start', -3, 'month') }}]
                when 'half_year'
                    then ['half_year from ' || {{ date_shifted(current ~ '.period_start', -6, 'month') }}]
                when 'year'
                    then ['year from ' || {{ date_shifted(current ~ '.period_start', -1, 'year') }}]
                else []
            end
        else []
    end
{%- endmacro %}

{# A dated period in the words of its kind: `template` is the kind's words
   (`ref_period_kinds.label_zh_format` or `label_en_format`) with its parts
   as placeholders: `{year}`, `{month}` (9), `{month_en}` (Sep), `{half_zh}` /
   `{half_en}` (上半年, first half of), `{quarter_zh}` / `{quarter}` (三, 3) and
   `{range_zh}` / `{range_en}` (a run of days: its first day, and its last
   without the year they share). `relation` has period_start, range_start and
   range_end. #}
{% macro period_words(relation, template) -%}
    {%- set start = relation ~ '.period_start' -%}
    {%- set half = '((month(' ~ start ~ ') + 5) // 6)' -%}
    {%- set range_end = relation ~ '.range_end' -%}
    {%- set parts = [
        ('{year}', "strftime(" ~ start ~ ", '%Y')"),
        ('{month_en}', "strftime(" ~ start ~ ", '%b')"),
        ('{month}', "strftime(" ~ start ~ ", '%-m')"),
        ('{half_zh}', "['上半年', '下半年'][" ~ half ~ "]"),
        ('{half_en}', "['first half of', 'second half of'][" ~ half ~ "]"),
        ('{quarter_zh}', "['一', '二', '三', '四'][quarter(" ~ start ~ ")]"),
        ('{quarter}', "cast(quarter(" ~ start ~ ") as varchar)"),
        ('{range_zh}', relation ~ ".range_start || coalesce(' 至 ' || " ~ range_end ~ ", '')"),
        ('{range_en}', relation ~ ".range_start || coalesce(' to ' || " ~ range_end ~ ", '')"),
    ] -%}
    {%- for _ in parts %}replace({% endfor -%}
    {{ template }}
    {%- for placeholder, words in parts %}, '{{ placeholder }}', {{ words }}){% endfor -%}
{%- endmacro %}
