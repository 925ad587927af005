// Command terraform-provider-p0 serves the P0 Security provider to Terraform
// and OpenTofu over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

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
		silenceUnreadLogs()
	}
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

// silenceUnreadLogs turns the provider's loggers off when Terraform will
// discard what they write. Unless TF_LOG or TF_LOG_PROVIDER is set,
// Terraform shows no provider logs at all, yet the plugin libraries log at
// TRACE by default: every request would be formatted as JSON lines, written
// to Terraform and parsed there, only to be dropped. That was a quarter of
// the provider's CPU time in an apply. Logging variables set explicitly
// are left alone, as is everything when either variable is set.
func silenceUnreadLogs() {
	if os.Getenv("TF_LOG") != "" || os.Getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_P0"} {
		if os.Getenv(name) == "" {
			_ = os.Setenv(name, "OFF") // cannot fail for these names
		}
	}
}
