-- MetricFlow's time spine: one row per day over every year a report could cover.
{{ config(schema='semantic') }}

select cast(spine.day_start as date) as date_day
from range(date '2000-01-01', date '2041-01-01', interval 1 day) as spine (day_start)
