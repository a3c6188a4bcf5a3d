using Redirector.Shell;

return await Cli.RunAsync(args);
