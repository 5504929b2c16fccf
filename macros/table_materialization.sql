{#
    The table materialization, for tables the build creates for the first time.

    `hotline12345 build` writes every table into a new scratch file that
    nothing reads until it is published whole, by one rename (publish.py). In
    that file no table exists yet, so there is nothing to swap: dbt-duckdb's
    table materialization would still create each table under a temporary
    name, rename it, and drop a backup that is not there, three statements
    and a dozen macro calls per model for an atomicity the file's rename
    already gives. Here a new table is created once, under its own name, by
    the adapter's create_table_as (contract, constraints and all);
    dbt-duckdb builds a table with a foreign key the same way.

    The create is always committed before the materialization returns. A
    model that queried the database while it compiled through dbt's
    statement() (auto_begin: dbt_utils.get_column_values and
    dbt-project-evaluator's models do) leaves a transaction open on the
    connection, the create runs inside it, and dbt, closing the connection
    after the model, rolls back what nobody committed: the table would be
    reported "OK created" and be gone. So the create runs in the open
    transaction, or in one it begins (ensure_transaction, which opens one
    even under a profile that disables transactions), and adapter.commit()
    commits it: one BEGIN and one COMMIT per table for the project's own
    macros, which query with run_query and add_select_query and open none.
    A contracted model whose rows break a constraint is rolled back, and
    the failed build publishes nothing.

    Anything else is dbt-duckdb's materialization, unchanged: a table that
    exists already (`dbt build` again on a built file swaps it as dbt-duckdb
    does, foreign keys and all), a Python model, and a model that configures
    what this one does not do (hooks, which dbt runs in and around the
    model's transaction; grants, indexes, persist_docs, a DuckLake partition
    or sort order).
#}
{% materialization table, adapter='duckdb', supported_languages=['sql', 'python'] %}
    {%- set configured = [] -%}
    {%- for option in ['grants', 'indexes', 'persist_docs', 'partitioned_by', 'partition_by', 'sorted_by', 'sort_by']
        if config.get(option) -%}
        {%- do configured.append(option) -%}
    {%- endfor -%}
    {%- if load_cached_relation(this) is not none or model.language != 'sql' or configured
        or pre_hooks or post_hooks -%}
        {{ return(dbt.materialization_table_duckdb()) }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type='table') -%}

    {%- do adapter.ensure_transaction() -%}
    {% call statement('main', auto_begin=False) -%}
        {{ create_table_as(False, target_relation, compiled_code) }}
    {%- endcall %}
    {%- do adapter.commit() -%}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
