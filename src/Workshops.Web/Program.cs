using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Localization;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;
using Workshops.Core.Webhooks;
using Workshops.Web.Endpoints;
using Workshops.Web.Endpoints.Api;
using Workshops.Web.Features.AgendaPages;
using Workshops.Web.Features.Community;
using Workshops.Web.Features.Materials;
using Workshops.Web.Features.Organise.Announcements;
using Workshops.Web.Features.Organise.Emails;
using Workshops.Web.Features.Organise.Packs;
using Workshops.Web.Features.Proposals;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Features.WorkshopPages;
using Workshops.Web.Infrastructure;

var cli = CommandLine.Parse(args);
if (cli.Error is not null)
{
    Console.Error.WriteLine(cli.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

// The slim builder leaves out IIS and HTTP/3 (QUIC), which loaded their assemblies on every start; the site runs
// behind nginx on Linux. What it does use of the full builder's defaults is added back in SiteHost.
var builder = WebApplication.CreateSlimBuilder(cli.HostArgs);
builder.UseSiteHostDefaults();
builder.Services
    .AddSite(builder.Configuration, cli)
    .AddLanguages(builder.Configuration)
    .AddData(builder.Configuration)
    .AddStorage(builder.Configuration)
    .AddEmail(builder.Configuration)
    .AddJobs(builder.Configuration)
    .AddWebhooks(builder.Configuration)
    .AddAccounts()
    .AddSecurity(builder.Configuration)
    .AddWeb()
    .AddTelemetry(builder.Configuration)
    .AddWorkshops()
    .AddCommunity()
    .AddProposals()
    .AddRegistrations()
    .AddAgenda()
    .AddMaterialsAndArchive()
    .AddAnnouncements()
    .AddEmailWording()
    .AddPacks()
    .AddApi()
    .AddApiTokens()
    .AddDemo();

var app = builder.Build();

try
{
    // Work outside a request (jobs, the command line) is in the site's default language until it chooses another,
    // such as an email's recipient's; machine formats name the invariant culture wherever they are written.
    var language = System.Globalization.CultureInfo.GetCultureInfo(app.Services.GetRequiredService<IOptions<LanguageOptions>>().Value.Default);
    System.Globalization.CultureInfo.DefaultThreadCurrentCulture = language;
    System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = language;
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
