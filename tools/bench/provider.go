package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/provider"
)

// buildProvider builds the provider from the module at root into dir, as
// the release build does (without symbols), plus the measuring hooks of
// main_profile.go. They cost nothing unless their variables are set, and
// tell the provider's CPU time from Terraform's.
func buildProvider(root, dir string) error {
	return goBuild(root, filepath.Join(dir, "terraform-provider-p0"), ".",
		"-tags", "profile", "-ldflags", "-s -w -X main.version=bench")
}

// buildEmptyPlugin builds the second floor, p0-bench/floor (see
// tools/bench/emptyplugin), into dir.
func buildEmptyPlugin(root, dir string) error {
	return goBuild(root, filepath.Join(dir, "terraform-provider-floor"), "./tools/bench/emptyplugin", "-ldflags", "-s -w")
}

// goBuild builds the Go package pkg of the module at root into out.
func goBuild(root, out, pkg string, flags ...string) error {
	args := append([]string{"build", "-trimpath", "-o", out}, flags...)
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Dir = root
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s: %w", pkg, err)
	}
	return nil
}

// copyProvider puts a provider binary built elsewhere into dir.
func copyProvider(binary, dir string) error {
	data, err := os.ReadFile(binary)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "terraform-provider-p0"), data, 0o755)
}

// providerResources lists the resource types the provider being measured
// offers, so that rows for resources it does not have yet are skipped.
func providerResources() map[string]bool {
	ctx := context.Background()
	p := provider.New("bench", "none")()
	var meta fwprovider.MetadataResponse
	p.Metadata(ctx, fwprovider.MetadataRequest{}, &meta)
	types := map[string]bool{}
	for _, newResource := range p.Resources(ctx) {
		var resp resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &resp)
		types[resp.TypeName] = true
	}
	return types
}
