import { redirect } from "next/navigation";

// The dashboard issue replaces this with the portfolio overview.
export default function HomePage() {
  redirect("/projects");
}
