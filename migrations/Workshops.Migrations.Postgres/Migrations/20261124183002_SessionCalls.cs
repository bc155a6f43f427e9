using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SessionCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "TrackIds",
                table: "Calls",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'::uuid[]"); // calls made before sessions existed have no tracks

            migrationBuilder.CreateTable(
                name: "CallSessionFormats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Durations = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallSessionFormats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallSessionFormats_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoSpeakers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoSpeakers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoSpeakers_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionPlans",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TrackId = table.Column<Guid>(type: "uuid", nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    OrganiserNotes = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPlans", x => x.ProposalId);
                    table.ForeignKey(
                        name: "FK_SessionPlans_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallSessionFormats_CallId",
                table: "CallSessionFormats",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CoSpeakers_Email",
                table: "CoSpeakers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_CoSpeakers_ProposalId",
                table: "CoSpeakers",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_CoSpeakers_TokenHash",
                table: "CoSpeakers",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallSessionFormats");

            migrationBuilder.DropTable(
                name: "CoSpeakers");

            migrationBuilder.DropTable(
                name: "SessionPlans");

            migrationBuilder.DropColumn(
                name: "TrackIds",
                table: "Calls");
        }
    }
}
