using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Outcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceAreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DraftTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PublicTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublicMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    DraftedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DraftedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DraftedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnpublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnpublishReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outcomes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuggestionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestionDecisions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutcomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeHistory_Outcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RectificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WarnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueWarnedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationMeasures_Rectifications_RectificationId",
                        column: x => x.RectificationId,
                        principalTable: "Rectifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureEvidence_RectificationMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "RectificationMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kind_ClosedAt",
                table: "Cases",
                columns: new[] { "Kind", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ResolvedAt",
                table: "Cases",
                columns: new[] { "Status", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureEvidence_MeasureId",
                table: "MeasureEvidence",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeHistory_OutcomeId_At",
                table: "OutcomeHistory",
                columns: new[] { "OutcomeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_CaseId",
                table: "Outcomes",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_DepartmentId_Status",
                table: "Outcomes",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_Status_CategoryId_PublishedAt",
                table: "Outcomes",
                columns: new[] { "Status", "CategoryId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_Status_Kind_PublishedAt",
                table: "Outcomes",
                columns: new[] { "Status", "Kind", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_Status_PublishedAt",
                table: "Outcomes",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_Status_ServiceAreaId_PublishedAt",
                table: "Outcomes",
                columns: new[] { "Status", "ServiceAreaId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_OwnerUserId_Status",
                table: "RectificationMeasures",
                columns: new[] { "OwnerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_RectificationId",
                table: "RectificationMeasures",
                column: "RectificationId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_Status_DueAt",
                table: "RectificationMeasures",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_WarnAt",
                table: "RectificationMeasures",
                column: "WarnAt");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_CaseId",
                table: "Rectifications",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDecisions_CaseId",
                table: "SuggestionDecisions",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDecisions_Verdict_DecidedAt",
                table: "SuggestionDecisions",
                columns: new[] { "Verdict", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureEvidence");

            migrationBuilder.DropTable(
                name: "OutcomeHistory");

            migrationBuilder.DropTable(
                name: "SuggestionDecisions");

            migrationBuilder.DropTable(
                name: "RectificationMeasures");

            migrationBuilder.DropTable(
                name: "Outcomes");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Kind_ClosedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ResolvedAt",
                table: "Cases");
        }
    }
}
