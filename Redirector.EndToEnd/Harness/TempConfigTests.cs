using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Harness;

public class TempConfigTests
{
    [Fact]
    public void Lb_files_go_to_lb_configs_beside_the_main_file_and_can_be_removed()
    {
        string folder;
        using (var config = new TempConfig("log_level: DEBUG\n"))
        {
            folder = config.Folder;
            var path = config.WriteLb("minio", TempConfig.TcpLb("minio", "minio.local", 9000, 0.5,
                ["127.0.0.2", "::1"]));

            Assert.Equal(Path.Combine(config.Folder, "lb_configs", "minio.yml"), path);
            Assert.Equal("log_level: DEBUG\n", File.ReadAllText(config.MainPath));
            Assert.Equal("""
                name: minio
                local_host: minio.local
                strategy: sequential
                backend_hosts:
                  - "127.0.0.2"
                  - "::1"
                healthcheck:
                  type: tcp
                  period: 0.5
                  config:
                    port: 9000
                    timeout: 1
                """, File.ReadAllText(path));
            config.RemoveLb("minio");
            Assert.Empty(Directory.GetFiles(config.LbConfigsDir));
        }
        Assert.False(Directory.Exists(folder));
    }
}
