using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnnouncementTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An announcement written before languages is in its workshop's language (the first of its title's), or English for the
            // community at large; a reminder's wording is the organisers' English one, the fallback of the others.
            migrationBuilder.Sql("""
                UPDATE "Announcements" SET "Subject" = json_object(coalesce((SELECT j.key FROM "Workshops" w, json_each(w."Title") j WHERE w."Id" = "Announcements"."WorkshopId" LIMIT 1), 'en'), "Subject") WHERE substr("Subject", 1, 2) <> '{"';
                UPDATE "Announcements" SET "Body" = json_object(coalesce((SELECT j.key FROM "Workshops" w, json_each(w."Title") j WHERE w."Id" = "Announcements"."WorkshopId" LIMIT 1), 'en'), "Body") WHERE substr("Body", 1, 2) <> '{"';
                UPDATE "Reminders" SET "Subject" = json_object('en', "Subject") WHERE substr("Subject", 1, 2) <> '{"';
                UPDATE "Reminders" SET "Body" = json_object('en', "Body") WHERE substr("Body", 1, 2) <> '{"';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
