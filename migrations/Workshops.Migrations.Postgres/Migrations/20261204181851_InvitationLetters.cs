using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InvitationLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LetterApprovedAt",
                table: "Registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterApprovedById",
                table: "Registrations",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassportNationality",
                table: "Registrations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WantsLetter",
                table: "Registrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Letterhead",
                table: "PackSettings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signatory",
                table: "PackSettings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LetterApprovedAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "LetterApprovedById",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "PassportNationality",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "WantsLetter",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "Letterhead",
                table: "PackSettings");

            migrationBuilder.DropColumn(
                name: "Signatory",
                table: "PackSettings");
        }
    }
}
