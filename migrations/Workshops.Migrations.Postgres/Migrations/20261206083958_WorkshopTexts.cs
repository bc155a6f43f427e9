using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkshopTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Workshops",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Workshops",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000,
                oldNullable: true);

            // Each text becomes one value per language: what was written so far is the workshop's English.
            migrationBuilder.Sql("""
                UPDATE "Workshops" SET "Title" = json_build_object('en', "Title")::text WHERE left("Title", 1) <> '{';
                UPDATE "Workshops" SET "Description" = json_build_object('en', "Description")::text WHERE "Description" IS NOT NULL AND left("Description", 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one text each: the workshop's own language's.
            migrationBuilder.Sql("""
                UPDATE "Workshops" SET "Title" = left((SELECT value FROM json_each_text("Title"::json) LIMIT 1), 200) WHERE left("Title", 1) = '{';
                UPDATE "Workshops" SET "Description" = (SELECT value FROM json_each_text("Description"::json) LIMIT 1) WHERE left("Description", 1) = '{';
                """);
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Workshops",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Workshops",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
