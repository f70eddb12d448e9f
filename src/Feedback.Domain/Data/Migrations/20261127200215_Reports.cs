using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmailKey",
                table: "Cases",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneKey",
                table: "Cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRepeatComplaint",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MonthlyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FrozenById = table.Column<Guid>(type: "TEXT", nullable: true),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceAreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReminderTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextStepAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NeedsCallback = table.Column<bool>(type: "INTEGER", nullable: false),
                    CalledBackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CalledBackById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CallbackNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Surveys_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedAt_SubmittedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases",
                columns: new[] { "ClosedAt", "SubmittedAt", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ContactBy_Status_FirstContactedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases",
                columns: new[] { "ContactBy", "Status", "FirstContactedAt", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ContactEmailKey_CategoryId_SubmittedAt",
                table: "Cases",
                columns: new[] { "ContactEmailKey", "CategoryId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ContactPhoneKey_CategoryId_SubmittedAt",
                table: "Cases",
                columns: new[] { "ContactPhoneKey", "CategoryId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Id_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases",
                columns: new[] { "Id", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OriginalResolveBy_Status_ResolvedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases",
                columns: new[] { "OriginalResolveBy", "Status", "ResolvedAt", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ResolvedAt_Status_AchievedResolveMinutes_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases",
                columns: new[] { "ResolvedAt", "Status", "AchievedResolveMinutes", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubmittedAt_Kind_IsRepeatComplaint_DepartmentId_CategoryId_ServiceAreaId",
                table: "Cases",
                columns: new[] { "SubmittedAt", "Kind", "IsRepeatComplaint", "DepartmentId", "CategoryId", "ServiceAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_Action_At",
                table: "CaseEvents",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_Year_Month",
                table: "MonthlyReports",
                columns: new[] { "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_AnsweredAt_Score_DepartmentId_CategoryId_ServiceAreaId_Kind_CaseId",
                table: "Surveys",
                columns: new[] { "AnsweredAt", "Score", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_CaseId",
                table: "Surveys",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_DepartmentId",
                table: "Surveys",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NeedsCallback_CalledBackAt_AnsweredAt",
                table: "Surveys",
                columns: new[] { "NeedsCallback", "CalledBackAt", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NextStepAt",
                table: "Surveys",
                column: "NextStepAt");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ReminderTokenHash",
                table: "Surveys",
                column: "ReminderTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SentAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Surveys",
                columns: new[] { "SentAt", "DepartmentId", "CategoryId", "ServiceAreaId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_TokenHash",
                table: "Surveys",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyReports");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ClosedAt_SubmittedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ContactBy_Status_FirstContactedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ContactEmailKey_CategoryId_SubmittedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ContactPhoneKey_CategoryId_SubmittedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Id_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OriginalResolveBy_Status_ResolvedAt_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ResolvedAt_Status_AchievedResolveMinutes_DepartmentId_CategoryId_ServiceAreaId_Kind",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SubmittedAt_Kind_IsRepeatComplaint_DepartmentId_CategoryId_ServiceAreaId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_Action_At",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "ContactEmailKey",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ContactPhoneKey",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IsRepeatComplaint",
                table: "Cases");
        }
    }
}
