-- Every published share (占比) against the range of shares that the printed
-- counts allow. A share is part / whole, where the whole is also the part
-- plus the rest (the other parts), and each of part, rest and whole lies
-- within its printed precision. The smallest feasible share takes the
-- smallest part over the largest whole that part allows, and the largest
-- takes the largest part over the smallest whole:
--   feasible_low  = part_low  / least(whole_high, part_low + rest_high)
--   feasible_high = part_high / greatest(whole_low, part_high + rest_low)
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

intake_bounds as (
    select * from {{ ref('int_audit__intake_bounds') }}
),

published_shares as (
    select * from figures
    where measure in (
        'share_of_total_pct',
        'share_of_districts_pct',
        'district_department_share_pct',
        'street_township_share_pct'
    )
),

-- intake: a member's share of the whole intake, in the report year or the
-- back-calculated prior year
intake_dimension_sums as (
    select
        report_year,
        figure_year,
        dimension,
        sum(items_low) as items_low,
        sum(items_high) as items_high
    from intake_bounds
    group by report_year, figure_year, dimension
),

intake_inputs as (
    select
        published_shares.figure_id,
        parts.items as part,
        parts.items_low as part_low,
        parts.items_high as part_high,
        dimension_sums.items_low - parts.items_low as rest_low,
        dimension_sums.items_high - parts.items_high as rest_high,
        wholes.items as whole,
        wholes.items_low as whole_low,
        wholes.items_high as whole_high
    from published_shares
    inner join intake_bounds as parts
        on
            published_shares.report_year = parts.report_year
            and published_shares.figure_year = parts.figure_year
            and published_shares.subject_code = parts.subject_code
    inner join intake_dimension_sums as dimension_sums
        on
            parts.report_year = dimension_sums.report_year
            and parts.figure_year = dimension_sums.figure_year
            and parts.dimension = dimension_sums.dimension
    inner join intake_bounds as wholes
        on
            parts.report_year = wholes.report_year
            and parts.figure_year = wholes.figure_year
            and wholes.subject_code = 'total.all'
    where published_shares.subject_type = 'intake'
),

-- districts: counts per district and for the 16 districts combined
district_counts as (
    select
        report_year,
        subject_type,
        subject_code,
        {{ pivot_figure('items', 'cast(items as double)') }} as items,
        {{ pivot_figure('items', 'cast(value_low as double)') }} as items_low,
        {{ pivot_figure('items', 'cast(value_high as double)') }} as items_high,
        {{ pivot_figure('district_department_items', 'cast(items as double)') }} as department,
        {{ pivot_figure('district_department_items', 'cast(value_low as double)') }}
            as department_low,
        {{ pivot_figure('district_department_items', 'cast(value_high as double)') }}
            as department_high,
        {{ pivot_figure('street_township_items', 'cast(items as double)') }} as street,
        {{ pivot_figure('street_township_items', 'cast(value_low as double)') }} as street_low,
        {{ pivot_figure('street_township_items', 'cast(value_high as double)') }}
            as street_high
    from figures
    where subject_type in ('district', 'district_total') and month is null
    group by report_year, subject_type, subject_code
),

district_sums as (
    select
        report_year,
        sum(items_low) as items_low,
        sum(items_high) as items_high,
        sum(department_low) as department_low,
        sum(department_high) as department_high
    from district_counts
    where subject_type = 'district'
    group by report_year
),

district_total as (
    select * from district_counts
    where subject_type = 'district_total'
),

-- a district's share of the 16 districts' total (706 万件)
district_of_total_inputs as (
    select
        published_shares.figure_id,
        districts.items as part,
        districts.items_low as part_low,
        districts.items_high as part_high,
        district_sums.items_low - districts.items_low as rest_low,
        district_sums.items_high - districts.items_high as rest_high,
        district_total.items as whole,
        district_total.items_low as whole_low,
        district_total.items_high as whole_high
    from published_shares
    inner join district_counts as districts
        on
            published_shares.report_year = districts.report_year
            and published_shares.subject_code = districts.subject_code
            and districts.subject_type = 'district'
    inner join district_sums
        on published_shares.report_year = district_sums.report_year
    inner join district_total
        on published_shares.report_year = district_total.report_year
    where published_shares.measure = 'share_of_districts_pct'
),

-- district departments' and streets' shares of one district's workload;
-- for the 16 districts combined the departments are the sum over districts
split_inputs as (
    select
        published_shares.figure_id,
        case published_shares.measure
            when 'district_department_share_pct' then counts.department
            else counts.street
        end as part,
        case published_shares.measure
            when 'district_department_share_pct' then counts.department_low
            else counts.street_low
        end as part_low,
        case published_shares.measure
            when 'district_department_share_pct' then counts.department_high
            else counts.street_high
        end as part_high,
        case published_shares.measure
            when 'district_department_share_pct' then counts.street_low
            else coalesce(counts.department_low, district_sums.department_low)
        end as rest_low,
        case published_shares.measure
            when 'district_department_share_pct' then counts.street_high
            else coalesce(counts.department_high, district_sums.department_high)
        end as rest_high,
        counts.items as whole,
        counts.items_low as whole_low,
        counts.items_high as whole_high
    from published_shares
    inner join district_counts as counts
        on
            published_shares.report_year = counts.report_year
            and published_shares.subject_type = counts.subject_type
            and published_shares.subject_code = counts.subject_code
    inner join district_sums
        on published_shares.report_year = district_sums.report_year
    where
        published_shares.measure in (
            'district_department_share_pct', 'street_township_share_pct'
        )
),

inputs as (
    select * from intake_inputs
    union all
    select * from district_of_total_inputs
    union all
    select * from split_inputs
),

final as (
    select
        'share:' || published_shares.figure_id as check_id,
        published_shares.report_year,
        'share' as check_kind,
        published_shares.section_zh,
        published_shares.subject_zh as subject,
        published_shares.measure as figure,
        published_shares.value_printed || '%' as published_value,
        cast(published_shares.value_low as double) as published_low,
        cast(published_shares.value_high as double) as published_high,
        100.0 * inputs.part / inputs.whole as derived_value,
        100.0 * inputs.part_low
        / least(inputs.whole_high, inputs.part_low + inputs.rest_high) as feasible_low,
        100.0 * inputs.part_high
        / greatest(inputs.whole_low, inputs.part_high + inputs.rest_low) as feasible_high,
        'part / whole, part and whole each within the precision of their printing, '
        || 'whole = part + rest' as check_method
    from published_shares
    inner join inputs
        on published_shares.figure_id = inputs.figure_id
)

select * from final
