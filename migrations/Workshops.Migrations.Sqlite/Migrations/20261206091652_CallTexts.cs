using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CallTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {


            // What was written before languages is English, one value of the new multilingual texts.
            migrationBuilder.Sql("""
                UPDATE "Calls" SET "Title" = json_object('en', "Title") WHERE substr("Title", 1, 1) <> '{';
                UPDATE "Calls" SET "Description" = json_object('en', "Description") WHERE "Description" IS NOT NULL AND substr("Description", 1, 1) <> '{';
                UPDATE "CallQuestion" SET "Text" = json_object('en', "Text") WHERE substr("Text", 1, 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
