using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PrivacyNotice",
                table: "RegistrationSetups",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "RegistrationQuestions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<string>(
                name: "ChoiceTexts",
                table: "RegistrationQuestions",
                type: "text",
                nullable: true);

            // What was written before languages is English, one value of the new multilingual texts.
            migrationBuilder.Sql("""
                UPDATE "RegistrationQuestions" SET "Text" = json_build_object('en', "Text")::text WHERE left("Text", 1) <> '{';
                UPDATE "RegistrationSetups" SET "PrivacyNotice" = json_build_object('en', "PrivacyNotice")::text WHERE "PrivacyNotice" IS NOT NULL AND left("PrivacyNotice", 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChoiceTexts",
                table: "RegistrationQuestions");

            migrationBuilder.AlterColumn<string>(
                name: "PrivacyNotice",
                table: "RegistrationSetups",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "RegistrationQuestions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
