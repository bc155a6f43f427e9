using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkshopTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each text becomes one value per language: what was written so far is the workshop's English.
            migrationBuilder.Sql("""
                UPDATE "Workshops" SET "Title" = json_object('en', "Title") WHERE substr("Title", 1, 1) <> '{';
                UPDATE "Workshops" SET "Description" = json_object('en', "Description") WHERE "Description" IS NOT NULL AND substr("Description", 1, 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one text each: the workshop's own language's.
            migrationBuilder.Sql("""
                UPDATE "Workshops" SET "Title" = (SELECT value FROM json_each("Title") LIMIT 1) WHERE substr("Title", 1, 1) = '{';
                UPDATE "Workshops" SET "Description" = (SELECT value FROM json_each("Description") LIMIT 1) WHERE substr("Description", 1, 1) = '{';
                """);
        }
    }
}
