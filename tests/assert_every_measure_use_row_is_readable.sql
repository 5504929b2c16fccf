-- Invariant: every line of ref_measure_uses and ref_measure_properties names
-- a known measure (ref_measures), a model of this project and, for a share,
-- known part and rest measures and where the rest is counted; a model reads
-- a measure once. Judged on the seeds' own lines, so that a bad line is
-- named by its file, line and column.
-- Exceptions: none.
{%- set model_names = [] %}
{%- for node in graph.nodes.values() if node.resource_type == 'model' %}
    {%- do model_names.append(node.name) %}
{%- endfor %}
{%- set use_rules = [
    ('measure', 'is not a known measure (ref_measures)', 'known_measure is null'),
    ('model_name', 'is not a model of this project', 'not is_known_model'),
    ('figure_role', 'is empty', 'figure_role is null'),
    ('measure', 'is on more than one line for its model', 'lines_for_the_model > 1'),
] %}
{%- set property_rules = [
    ('measure', 'is not a known measure (ref_measures)', 'known_measure is null'),
    ('measure', 'is on more than one line', 'lines_for_the_measure > 1'),
    ('part_measure', 'is not a known measure (ref_measures)', 'part_measure is not null and known_part is null'),
    ('rest_measure', 'is not a known measure (ref_measures)', 'rest_measure is not null and known_rest is null'),
    ('rest_of', 'is not `self`, `other_subjects` or `other_subject_types`, or is given without a rest_measure',
        "(rest_of is not null and rest_of not in ('self', 'other_subjects', 'other_subject_types'))"
        ~ " or ((rest_of is null) != (rest_measure is null))"),
] %}
with

measures as (
    select * from {{ ref('ref_measures') }}
),

uses as (
    select
        {{ seed_line() }} as seed_line,
        measure,
        model_name,
        figure_role
    from {{ ref('ref_measure_uses') }}
),

properties as (
    select
        {{ seed_line() }} as seed_line,
        measure,
        part_measure,
        rest_measure,
        rest_of
    from {{ ref('ref_measure_properties') }}
),

known_models as (
    select project_models.model_name
    from (
        values
        {%- for name in model_names | sort %}
            ('{{ name }}'){% if not loop.last %},{% endif %}
        {%- endfor %}
    ) as project_models (model_name)
),

uses_judged as (
    select
        uses.seed_line,
        uses.figure_role,
        measures.measure as known_measure,
        known_models.model_name is not null as is_known_model,
        count(*) over (partition by uses.measure, uses.model_name) as lines_for_the_model
    from uses
    left join measures
        on uses.measure = measures.measure
    left join known_models
        on uses.model_name = known_models.model_name
),

properties_judged as (
    select
        properties.seed_line,
        properties.part_measure,
        properties.rest_measure,
        properties.rest_of,
        measures.measure as known_measure,
        parts.measure as known_part,
        rests.measure as known_rest,
        count(*) over (partition by properties.measure) as lines_for_the_measure
    from properties
    left join measures
        on properties.measure = measures.measure
    left join measures as parts
        on properties.part_measure = parts.measure
    left join measures as rests
        on properties.rest_measure = rests.measure
)

{{ seed_rule_failures(use_rules, 'uses_judged', "'ref_measure_uses'") }}
union all
{{ seed_rule_failures(property_rules, 'properties_judged', "'ref_measure_properties'") }}
