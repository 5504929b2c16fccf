{#
    Resolving a printed name to its subject, within a platform: the
    platform's own list first (ref_* rows carrying its code), then the shared
    vocabulary (rows whose platform_code is empty). Every model and test that
    looks a printed name up does it with these two macros, so that "a name
    resolves within the source's platform" is written once.
#}

{# The two lookups, as left joins named `<alias>_own` and `<alias>_shared`
   on int_reference__subjects (parent_zh: match a sub-category's parent too,
   where the reference row names one). #}
{% macro join_subjects(alias, platform, subject_type, subject_zh, parent_zh=none) -%}
    {%- for scope in ['own', 'shared'] %}
    left join {{ ref('int_reference__subjects') }} as {{ alias }}_{{ scope }}
        on
            {% if scope == 'own' -%}
            {{ platform }} = {{ alias }}_own.platform_code
            {%- else -%}
            {{ alias }}_shared.platform_code is null
            {%- endif %}
            and {{ subject_type }} = {{ alias }}_{{ scope }}.subject_type
            and {{ subject_zh }} = {{ alias }}_{{ scope }}.subject_zh
            {%- if parent_zh is not none %}
            and ({{ alias }}_{{ scope }}.parent_zh is null or {{ parent_zh }} = {{ alias }}_{{ scope }}.parent_zh)
            {%- endif %}
    {%- endfor %}
{%- endmacro %}

{# A column of the resolved subject: the platform's own, else the shared. #}
{% macro resolved_subject(alias, column) -%}
    coalesce({{ alias }}_own.{{ column }}, {{ alias }}_shared.{{ column }})
{%- endmacro %}

{# A ranking claim's lookups (`claims`: a relation with printed_ranking_claims'
   columns), as int_report__ranking_claims reads them and as the test that
   judges the seed's lines before that model is built reads them: its source
   (`sources`, with the platform), its subject type (`subject_types`), and its
   subject and the parent it names (`subjects`, `parents`). #}
{% macro join_ranking_claim_lookups(claims) -%}
    left join {{ ref('stg_reference__sources') }} as sources
        on {{ claims }}.source_id = sources.source_id
    left join {{ ref('ref_subject_types') }} as subject_types
        on {{ claims }}.subject_type = subject_types.subject_type
    {{ join_subjects(
        'subjects', 'sources.platform_code',
        claims ~ '.subject_type', claims ~ '.subject_zh', claims ~ '.parent_zh'
    ) }}
    {{ join_subjects('parents', 'sources.platform_code', 'subject_types.parent_subject_type', claims ~ '.parent_zh') }}
{%- endmacro %}

{# Where a name that did not resolve was looked for, in words for a refusal: "(looked for a district of
   beijing_12345 or of the shared vocabulary in ref_districts)". The seeds are those that hold names of the subject
   type for the platform or for every platform (int_reference__subjects.seed_name). #}
{% macro subject_lookup_places(subject_type, platform) -%}
    '(looked for a ' || coalesce({{ subject_type }}, 'subject of no type') || ' of '
    || coalesce({{ platform }}, 'no known platform') || ' or of the shared vocabulary in '
    || coalesce(
        (
            select string_agg(distinct lookup.seed_name, ', ' order by lookup.seed_name)
            from {{ ref('int_reference__subjects') }} as lookup
            where
                lookup.subject_type = {{ subject_type }}
                and (lookup.platform_code = {{ platform }} or lookup.platform_code is null)
        ),
        'no reference seed: none lists that type for the platform'
    )
    || ')'
{%- endmacro %}
