using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvitationLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LetterApprovedAt",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterApprovedById",
                table: "Registrations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassportNationality",
                table: "Registrations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WantsLetter",
                table: "Registrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Letterhead",
                table: "PackSettings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signatory",
                table: "PackSettings",
                type: "TEXT",
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
