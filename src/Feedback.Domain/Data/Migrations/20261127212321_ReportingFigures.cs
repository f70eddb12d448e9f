using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportingFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ClosedAt_SubmittedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SubmittedAt_DepartmentId_ServiceAreaId",
                table: "Reviews",
                columns: new[] { "SubmittedAt", "DepartmentId", "ServiceAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedAt_SubmittedAt_DepartmentId_CategoryId_ServiceAreaId_Kind_Status",
                table: "Cases",
                columns: new[] { "ClosedAt", "SubmittedAt", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_SubmittedAt_DepartmentId_ServiceAreaId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ClosedAt_SubmittedAt_DepartmentId_CategoryId_ServiceAreaId_Kind_Status",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedAt_SubmittedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases",
                columns: new[] { "ClosedAt", "SubmittedAt", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });
        }
    }
}
