export default function Home() {
  return (
    <main>
      <h1>Acme shop</h1>
    </main>
  );
}
