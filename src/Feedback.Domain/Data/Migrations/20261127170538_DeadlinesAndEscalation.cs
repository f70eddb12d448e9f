using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeadlinesAndEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AchievedContactMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AchievedResolveMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ContactDifferenceMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ContactTargetMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationLevel",
                table: "Cases",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<long>(
                name: "NextEscalationAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OriginalResolveBy",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedWorkingMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ResolveDifferenceMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolveTargetMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WarnedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResolveByWhenRequested = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedResolveBy = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_NextEscalationAt",
                table: "Cases",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_CaseId_RequestedAt",
                table: "DeadlineExtensions",
                columns: new[] { "CaseId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropIndex(
                name: "IX_Cases_NextEscalationAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AchievedContactMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AchievedResolveMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ContactDifferenceMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ContactTargetMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NextEscalationAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OriginalResolveBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OverdueAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PausedWorkingMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResolveDifferenceMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResolveTargetMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WarnedAt",
                table: "Cases");
        }
    }
}
