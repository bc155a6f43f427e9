using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TravelSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TravelFunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Offered = table.Column<bool>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    BudgetMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CommittedMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CostKinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Funder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FunderProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelFunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelFunds_Projects_FunderProjectId",
                        column: x => x.FunderProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TravelFunds_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TravelApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    InstitutionPays = table.Column<bool>(type: "INTEGER", nullable: false),
                    InstitutionShare = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Staged = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReservedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelApplications_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TravelApplications_TravelFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "TravelFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TravelCriterion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelCriterion_TravelFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "TravelFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelQuestion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelQuestion_TravelFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "TravelFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelRate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelRate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelRate_TravelFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "TravelFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelAnswers_TravelApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "TravelApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelCosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    MinimumMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StagedMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    AwardedMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelCosts_TravelApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "TravelApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelReceipts_TravelApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "TravelApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelReviews_TravelApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "TravelApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelScores_TravelReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "TravelReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TravelAnswers_ApplicationId",
                table: "TravelAnswers",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelApplications_ApplicantId",
                table: "TravelApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelApplications_FundId_Status",
                table: "TravelApplications",
                columns: new[] { "FundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelApplications_RegistrationId",
                table: "TravelApplications",
                column: "RegistrationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelCosts_ApplicationId",
                table: "TravelCosts",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelCriterion_FundId",
                table: "TravelCriterion",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelFunds_FunderProjectId",
                table: "TravelFunds",
                column: "FunderProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelFunds_WorkshopId",
                table: "TravelFunds",
                column: "WorkshopId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelQuestion_FundId",
                table: "TravelQuestion",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelRate_FundId",
                table: "TravelRate",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelReceipts_ApplicationId",
                table: "TravelReceipts",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelReviews_ApplicationId_ReviewerId",
                table: "TravelReviews",
                columns: new[] { "ApplicationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelReviews_ReviewerId",
                table: "TravelReviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelScores_ReviewId",
                table: "TravelScores",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TravelAnswers");

            migrationBuilder.DropTable(
                name: "TravelCosts");

            migrationBuilder.DropTable(
                name: "TravelCriterion");

            migrationBuilder.DropTable(
                name: "TravelQuestion");

            migrationBuilder.DropTable(
                name: "TravelRate");

            migrationBuilder.DropTable(
                name: "TravelReceipts");

            migrationBuilder.DropTable(
                name: "TravelScores");

            migrationBuilder.DropTable(
                name: "TravelReviews");

            migrationBuilder.DropTable(
                name: "TravelApplications");

            migrationBuilder.DropTable(
                name: "TravelFunds");
        }
    }
}
