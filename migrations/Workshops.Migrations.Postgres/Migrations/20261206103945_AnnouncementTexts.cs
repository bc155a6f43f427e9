using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnnouncementTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Reminders",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Reminders",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50000)",
                oldMaxLength: 50000);

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Announcements",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Announcements",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50000)",
                oldMaxLength: 50000);

            // An announcement written before languages is in its workshop's language (the first of its title's), or English for the
            // community at large; a reminder's wording is the organisers' English one, the fallback of the others.
            migrationBuilder.Sql("""
                UPDATE "Announcements" SET "Subject" = json_build_object(coalesce((SELECT k FROM "Workshops" w, json_object_keys(w."Title"::json) k WHERE w."Id" = "Announcements"."WorkshopId" LIMIT 1), 'en'), "Subject")::text WHERE left("Subject", 2) <> '{"';
                UPDATE "Announcements" SET "Body" = json_build_object(coalesce((SELECT k FROM "Workshops" w, json_object_keys(w."Title"::json) k WHERE w."Id" = "Announcements"."WorkshopId" LIMIT 1), 'en'), "Body")::text WHERE left("Body", 2) <> '{"';
                UPDATE "Reminders" SET "Subject" = json_build_object('en', "Subject")::text WHERE left("Subject", 2) <> '{"';
                UPDATE "Reminders" SET "Body" = json_build_object('en', "Body")::text WHERE left("Body", 2) <> '{"';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Reminders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Reminders",
                type: "character varying(50000)",
                maxLength: 50000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Announcements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Announcements",
                type: "character varying(50000)",
                maxLength: 50000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
