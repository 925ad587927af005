// Command terraform-provider-p0 serves the P0 Security provider to Terraform
// and OpenTofu over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/p0-security/terraform-provider-p0/internal/pluginprocess"
	"github.com/p0-security/terraform-provider-p0/internal/provider"
)

// version and commit are set by the release build's ldflags
// (-X main.version=... -X main.commit=...).
var (
	version = "dev"
	commit  = "none"
)

// startProfile is replaced in builds with -tags profile (main_profile.go),
// which measure the provider for the benchmark; it returns the function that
// ends measuring and writes the results.
var startProfile = func() (stop func()) { return func() {} }

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	if !debug {
		pluginprocess.SilenceUnreadLogs()
	}
	pluginprocess.TuneGarbageCollector()
	stopProfile := startProfile()
	err := providerserver.Serve(context.Background(), provider.New(version, commit), providerserver.ServeOpts{
		Address: "registry.terraform.io/p0-security/p0",
		Debug:   debug,
	})
	stopProfile()
	if err != nil {
		log.Fatal(err)
	}
}
