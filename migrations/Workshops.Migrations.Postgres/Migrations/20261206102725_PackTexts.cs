using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PackTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Signatory",
                table: "PackSettings",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PracticalInfo",
                table: "PackSettings",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Letterhead",
                table: "PackSettings",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LettersInEnglish",
                table: "PackSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // What was written before is in the workshop's own language (the first of its title's): one value of the new multilingual texts.
            migrationBuilder.Sql("""
                UPDATE "PackSettings" SET "PracticalInfo" = json_build_object(coalesce((SELECT k FROM "Workshops" w, json_object_keys(w."Title"::json) k WHERE w."Id" = "PackSettings"."WorkshopId" LIMIT 1), 'en'), "PracticalInfo")::text WHERE "PracticalInfo" IS NOT NULL AND left("PracticalInfo", 1) <> '{';
                UPDATE "PackSettings" SET "Letterhead" = json_build_object(coalesce((SELECT k FROM "Workshops" w, json_object_keys(w."Title"::json) k WHERE w."Id" = "PackSettings"."WorkshopId" LIMIT 1), 'en'), "Letterhead")::text WHERE "Letterhead" IS NOT NULL AND left("Letterhead", 1) <> '{';
                UPDATE "PackSettings" SET "Signatory" = json_build_object(coalesce((SELECT k FROM "Workshops" w, json_object_keys(w."Title"::json) k WHERE w."Id" = "PackSettings"."WorkshopId" LIMIT 1), 'en'), "Signatory")::text WHERE "Signatory" IS NOT NULL AND left("Signatory", 1) <> '{';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LettersInEnglish",
                table: "PackSettings");

            migrationBuilder.AlterColumn<string>(
                name: "Signatory",
                table: "PackSettings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PracticalInfo",
                table: "PackSettings",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Letterhead",
                table: "PackSettings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
