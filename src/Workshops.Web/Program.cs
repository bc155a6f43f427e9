using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;
using Workshops.Web.Endpoints;
using Workshops.Web.Features.AgendaPages;
using Workshops.Web.Features.Materials;
using Workshops.Web.Features.Organise.Announcements;
using Workshops.Web.Features.Organise.Emails;
using Workshops.Web.Features.Organise.Packs;
using Workshops.Web.Features.Proposals;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Features.WorkshopPages;
using Workshops.Web.Infrastructure;

// The pages are in English, and times in forms, datetime attributes and feeds are machine formats: none may follow
// the server's locale (a "." as time separator would break every time field).
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;

var cli = CommandLine.Parse(args);
if (cli.Error is not null)
{
    Console.Error.WriteLine(cli.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.Services
    .AddSite(builder.Configuration, cli)
    .AddData(builder.Configuration)
    .AddStorage(builder.Configuration)
    .AddEmail(builder.Configuration)
    .AddJobs(builder.Configuration)
    .AddAccounts()
    .AddSecurity(builder.Configuration)
    .AddWeb()
    .AddWorkshops()
    .AddProposals()
    .AddRegistrations()
    .AddAgenda()
    .AddMaterialsAndArchive()
    .AddAnnouncements()
    .AddEmailWording()
    .AddPacks()
    .AddDemo();

var app = builder.Build();

try
{
    if (cli.Verb != Verb.Serve) return await AdminCommands.RunAsync(app.Services, cli);

    app.UseWeb();
    app.MapEndpoints();
    await app.StartAsync();
    FirstRun.Print(app);
    await app.WaitForShutdownAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine("Workshops cannot start because a setting is wrong:");
    foreach (var failure in e.Failures) Console.Error.WriteLine("  - " + failure);
    Console.Error.WriteLine("Settings come from appsettings.json or environment variables (Email__Host for Email:Host).");
    return 1;
}

public partial class Program;
