namespace Workshops.Web.Infrastructure;

public enum Verb
{
    Serve,
    Migrate,
    AdminCreate,
    ImportArchive,
}

/// <summary>The verbs of the one executable; everything it does not know is passed on to the host as settings.</summary>
public sealed record CommandLine(Verb Verb, bool SeedDemo, string? Email, string? Password, string? Name, string[] HostArgs, string? Error, string? Folder = null)
{
    public const string Usage = """
        Usage:
          dotnet run --project src/Workshops.Web                      start the site
          dotnet run --project src/Workshops.Web -- --seed-demo       start the site with demo workshops
          dotnet run --project src/Workshops.Web -- migrate           apply database migrations and exit
          dotnet run --project src/Workshops.Web -- admin create --email you@example.org --password '...' [--name 'Your Name']
          dotnet run --project src/Workshops.Web -- import-archive path/to/jekyll-site   import a static site's archive and exit
        """;

    public static CommandLine Parse(string[] args)
    {
        var rest = new List<string>();
        var verb = Verb.Serve;
        var seed = false;
        string? email = null, password = null, name = null, error = null, folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (a)
            {
                case "--seed-demo": seed = true; break;
                case "migrate" when i == 0: verb = Verb.Migrate; break;
                case "admin" when i == 0:
                    if (Next() != "create") error = "The admin verb knows one action: admin create.";
                    verb = Verb.AdminCreate;
                    break;
                case "import-archive" when i == 0:
                    verb = Verb.ImportArchive;
                    folder = Next();
                    if (string.IsNullOrWhiteSpace(folder)) error = "import-archive needs the folder of the site: import-archive path/to/site.";
                    break;
                case "--email" when verb == Verb.AdminCreate: email = Next(); break;
                case "--password" when verb == Verb.AdminCreate: password = Next(); break;
                case "--name" when verb == Verb.AdminCreate: name = Next(); break;
                default: rest.Add(a); break;
            }
        }
        if (verb == Verb.AdminCreate && error is null && (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)))
            error = "admin create needs --email and --password.";
        return new CommandLine(verb, seed, email, password, name, rest.ToArray(), error, folder);
    }
}
