using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PackTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LettersInEnglish",
                table: "PackSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // What was written before is in the workshop's own language (the first of its title's): one value of the new multilingual texts.
            migrationBuilder.Sql("""
                UPDATE "PackSettings" SET "PracticalInfo" = json_object(coalesce((SELECT j.key FROM "Workshops" w, json_each(w."Title") j WHERE w."Id" = "PackSettings"."WorkshopId" LIMIT 1), 'en'), "PracticalInfo") WHERE "PracticalInfo" IS NOT NULL AND substr("PracticalInfo", 1, 1) <> '{';
                UPDATE "PackSettings" SET "Letterhead" = json_object(coalesce((SELECT j.key FROM "Workshops" w, json_each(w."Title") j WHERE w."Id" = "PackSettings"."WorkshopId" LIMIT 1), 'en'), "Letterhead") WHERE "Letterhead" IS NOT NULL AND substr("Letterhead", 1, 1) <> '{';
                UPDATE "PackSettings" SET "Signatory" = json_object(coalesce((SELECT j.key FROM "Workshops" w, json_each(w."Title") j WHERE w."Id" = "PackSettings"."WorkshopId" LIMIT 1), 'en'), "Signatory") WHERE "Signatory" IS NOT NULL AND substr("Signatory", 1, 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LettersInEnglish",
                table: "PackSettings");
        }
    }
}
