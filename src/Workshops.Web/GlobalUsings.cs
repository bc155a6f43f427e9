// What every feature shares (Features/Shared) is in scope everywhere, as the views have it through _ViewImports.
global using Workshops.Web.Features.Shared;
