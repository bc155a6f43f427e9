using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChoiceTexts",
                table: "RegistrationQuestions",
                type: "TEXT",
                nullable: true);

            // What was written before languages is English, one value of the new multilingual texts.
            migrationBuilder.Sql("""
                UPDATE "RegistrationQuestions" SET "Text" = json_object('en', "Text") WHERE substr("Text", 1, 1) <> '{';
                UPDATE "RegistrationSetups" SET "PrivacyNotice" = json_object('en', "PrivacyNotice") WHERE "PrivacyNotice" IS NOT NULL AND substr("PrivacyNotice", 1, 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChoiceTexts",
                table: "RegistrationQuestions");
        }
    }
}
