-- Invariant: every check listed in the known_discrepancies seed exists in the
-- audit and is still inconsistent. A listed check that has become consistent
-- (a seed typo fixed, a check changed) or no longer exists must be removed
-- from the seed, so that the list of findings stays true.
-- Exceptions: none.
with

known_discrepancies as (
    select * from {{ ref('stg_reference__known_discrepancies') }}
),

checks as (
    select * from {{ ref('published_figure_checks') }}
)

select
    known_discrepancies.check_id,
    checks.status
from known_discrepancies
left join checks
    on known_discrepancies.check_id = checks.check_id
where checks.status is distinct from 'inconsistent'
