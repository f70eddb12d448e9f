using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeasureDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_DueAt_Status_CompletedAt_RectificationId",
                table: "RectificationMeasures",
                columns: new[] { "DueAt", "Status", "CompletedAt", "RectificationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RectificationMeasures_DueAt_Status_CompletedAt_RectificationId",
                table: "RectificationMeasures");
        }
    }
}
