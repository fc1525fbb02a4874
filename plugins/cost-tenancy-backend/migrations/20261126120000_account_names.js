// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_tenancy_daily_costs', table => {
    table
      .string('account_name')
      .nullable()
      .comment(
        'SubAccountName, when the export has it (null for sums stored before it was kept)',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cost_tenancy_daily_costs', table => {
    table.dropColumn('account_name');
  });
};
