-- Figures the report prints twice: the second printing must agree with the
-- canonical one, i.e. their printed ranges must meet.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

reprints as (
    select * from {{ ref('stg_report__figure_reprints') }}
),

final as (
    select
        'reprint:' || figures.figure_id || '@' || reprints.section_zh as check_id,
        reprints.report_year,
        'reprint' as check_kind,
        reprints.section_zh,
        reprints.subject_zh as subject,
        reprints.measure || ' printed again' as figure,
        case when reprints.is_approximate then '约' else '' end
        || reprints.value_printed
        || ' ' || reprints.unit_printed as published_value,
        cast(reprints.value_low as double) as published_low,
        cast(reprints.value_high as double) as published_high,
        cast(figures.value_normalised as double) as derived_value,
        cast(figures.value_low as double) as feasible_low,
        cast(figures.value_high as double) as feasible_high,
        'the canonical printing (' || figures.value_printed || ' ' || figures.unit_printed
        || ', ' || figures.section_zh || ') within its precision' as check_method
    from reprints
    left join figures
        on
            reprints.report_year = figures.report_year
            and reprints.figure_year = figures.figure_year
            and reprints.subject_type = figures.subject_type
            and reprints.subject_zh = figures.subject_zh
            and coalesce(reprints.parent_zh, '') = coalesce(figures.parent_zh, '')
            and coalesce(reprints.month, 0) = coalesce(figures.month, 0)
            and reprints.measure = figures.measure
)

select * from final
