using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outcomes_DepartmentId_Status",
                table: "Outcomes");

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "Outcomes",
                type: "INTEGER",
                nullable: true);

            // Notices already waiting keep their place in the inbox: when they were last sent, from their history.
            migrationBuilder.Sql(
                "UPDATE \"Outcomes\" SET \"SubmittedAt\" = (SELECT MAX(h.\"At\") FROM \"OutcomeHistory\" h " +
                "WHERE h.\"OutcomeId\" = \"Outcomes\".\"Id\" AND h.\"Step\" = 'Submitted') WHERE \"Status\" = 'AwaitingApproval'");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_DepartmentId_Status_SubmittedAt",
                table: "Outcomes",
                columns: new[] { "DepartmentId", "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outcomes_DepartmentId_Status_SubmittedAt",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Outcomes");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_DepartmentId_Status",
                table: "Outcomes",
                columns: new[] { "DepartmentId", "Status" });
        }
    }
}
