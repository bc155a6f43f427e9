using Microsoft.AspNetCore.Hosting;

namespace Workshops.Tests.Shared;

public static class TestHost
{
    /// <summary>What every test host has: its own database and data folder, and a job server that polls every second.</summary>
    public static IWebHostBuilder UseTestDefaults(this IWebHostBuilder builder, TestDatabase database, string dataDirectory, string siteName)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Jobs:PollIntervalSeconds", "1");
        // Reminders follow the real clock; tests drive them with their own, and no other test's people get one by surprise.
        builder.UseSetting("Jobs:SendReminders", "false");
        builder.UseSetting("Site:Name", siteName);
        return builder;
    }
}
